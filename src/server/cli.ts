/**
 * Serasan command line: `npm run serasan -- <command> [options]`.
 *   migrate                         apply pending migrations
 *   seed-demo                       load regions and the demo region (Kabupaten Muara Enim)
 *   tenant:create <kode-wilayah>    create a tenant for a Kemendagri region code
 *   user:create --tenant <kode> --username <u> --name <nama> [--role <r>[:<unit code or id>]]… [--platform-admin]
 *   backup <file>                   online backup of the SQLite database (PostgreSQL: use pg_dump)
 *   restore <file>                  replace the SQLite database with a backup (refused while a server runs)
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo/demo.ts';
import { seedRegions } from './db/seeds/regions.ts';
import { clockOf } from './lib/clock.ts';
import { runningServerPid } from './lib/server-lock.ts';
import { createFsBlobStore } from './modules/evidence/blob-store.ts';
import type { Deps } from './deps.ts';
import { createTenantService } from './modules/tenants/tenants.service.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { AppError } from './errors.ts';
import { translate } from '../shared/i18n/translate.ts';
import { ROLES, type Role } from '../shared/schemas/common.ts';
import { ZCreateUserInput } from '../shared/schemas/admin.ts';

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  const flags: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      const v = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
      (flags[k] ??= []).push(v);
    } else positional.push(a);
  }
  return { positional, flags };
}

const USAGE = `Penggunaan: npm run serasan -- <perintah>
  migrate | seed-demo | tenant:create <kode> | user:create --tenant <kode> --username <u> --name <nama> --role <peran>[:<unit>] [--platform-admin]
  backup <berkas> | restore <berkas>`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { positional, flags } = parseArgs(rest);
  const config = loadConfig();
  const sqliteFile = path.join(config.dataDir, 'serasan.db');

  if (command === 'restore') {
    const file = positional[0];
    if (!file || !existsSync(file)) throw new Error('Berkas cadangan tidak ditemukan.');
    if (config.databaseUrl) throw new Error('Untuk PostgreSQL gunakan pg_restore (lihat README).');
    // A running server keeps the old database open and would overwrite the restored file.
    const pid = runningServerPid(config.dataDir);
    if (pid !== null) throw new Error(`Server Serasan sedang berjalan pada direktori data ini (PID ${pid}). Hentikan server dulu, lalu ulangi pemulihan.`);
    const check = new Database(file, { readonly: true, fileMustExist: true });
    const ok = check.prepare("select count(*) as n from sqlite_master where name in ('tenants','audit_log')").get() as { n: number };
    check.close();
    if (ok.n !== 2) throw new Error('Berkas ini bukan cadangan basis data Serasan.');
    for (const suffix of ['-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
    copyFileSync(file, sqliteFile);
    console.log(`Basis data dipulihkan dari ${file} ke ${sqliteFile}. Berkas bukti (blobs/) dipulihkan terpisah.`);
    return;
  }

  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile });
  const deps: Deps = { db: database.db, dialect: database.dialect, clock: clockOf(config), config, blobs: createFsBlobStore(path.join(config.dataDir, 'blobs')) };
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Migrasi diterapkan: ${applied.join(', ')}` : 'Basis data sudah mutakhir.');
        break;
      }
      case 'seed-demo': {
        await migrateToLatest(database.db);
        console.log((await seedDemo(deps)) ? 'Wilayah demo Kabupaten Muara Enim dimuat.' : 'Wilayah demo sudah ada.');
        break;
      }
      case 'tenant:create': {
        await migrateToLatest(database.db);
        await seedRegions(database.db);
        const code = positional[0];
        if (!code) throw new Error('Sebutkan kode wilayah Kemendagri, mis. 16.71');
        const t = await createTenantService(deps).createTenant(null, code);
        console.log(`Ruang kerja dibuat: ${t.name} (${t.regionCode}), id ${t.id}`);
        break;
      }
      case 'user:create': {
        await migrateToLatest(database.db);
        const tenantCode = flags.tenant?.[0];
        const tenant = tenantCode ? await database.db.selectFrom('tenants').selectAll().where('regionCode', '=', tenantCode).executeTakeFirst() : undefined;
        if (!tenant) throw new Error(`Ruang kerja dengan kode wilayah ${tenantCode ?? '(kosong)'} tidak ada.`);
        const roles: Array<{ role: Role; unitId: string | null }> = [];
        for (const spec of flags.role ?? []) {
          const [role, unitRef] = spec.split(':', 2);
          if (!ROLES.includes(role as Role)) throw new Error(`Peran tidak dikenal: ${role} (pilihan: ${ROLES.join(', ')})`);
          let unitId: string | null = null;
          if (unitRef) {
            const unit = await database.db
              .selectFrom('units')
              .select('id')
              .where('tenantId', '=', tenant.id)
              .where((eb) => eb.or([eb('id', '=', unitRef), eb('code', '=', unitRef), eb('shortName', '=', unitRef)]))
              .executeTakeFirst();
            if (!unit) throw new Error(`Unit tidak ditemukan: ${unitRef}`);
            unitId = unit.id;
          }
          roles.push({ role: role as Role, unitId });
        }
        const input = ZCreateUserInput.parse({ username: flags.username?.[0], name: flags.name?.[0], roles });
        const cliActor = { userId: 'cli', tenantId: tenant.id, name: 'CLI', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
        const { user, temporaryPassword } = await createUsersService(deps).create(cliActor, input);
        if (flags['platform-admin']) await database.db.updateTable('users').set({ isPlatformAdmin: 1 }).where('id', '=', user.id).execute();
        console.log(`Pengguna ${user.username} dibuat di ${tenant.name}. Kata sandi sementara (wajib diganti saat masuk): ${temporaryPassword}`);
        break;
      }
      case 'backup': {
        const file = positional[0];
        if (!file) throw new Error('Sebutkan berkas tujuan, mis. cadangan/serasan-2026-11-23.db');
        if (!database.sqlite) throw new Error('Untuk PostgreSQL gunakan pg_dump (lihat README).');
        await database.sqlite.backup(file);
        console.log(`Cadangan basis data ditulis ke ${file}. Salin juga folder ${path.join(config.dataDir, 'blobs')} (berkas bukti).`);
        break;
      }
      default:
        console.log(USAGE);
        if (command) process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  const message = err instanceof AppError ? translate('id', err.messageKey, err.params) : err instanceof Error ? err.message : String(err);
  console.error(`Gagal: ${message}`);
  process.exit(1);
});
