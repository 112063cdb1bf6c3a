import { isIP } from 'node:net';
import type { Deps } from './deps.ts';
import { DEMO_USERS } from './demo/demo.ts';

export interface StartupNotice {
  level: 'info' | 'warn';
  text: string;
}

/** Whether the server listens only on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * What the operator must know at start: demo accounts reachable from the network (their password
 * is public), or an installation with no user yet (how to create the first admin).
 */
export async function startupNotices(deps: Deps): Promise<StartupNotice[]> {
  const { db, config } = deps;
  const notices: StartupNotice[] = [];
  const demoUsers = await db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenantId')
    .select('users.username')
    .where('tenants.isDemo', '=', 1)
    .where('users.username', 'in', DEMO_USERS.map((u) => u.username))
    .where('users.isActive', '=', 1)
    .execute();
  if (demoUsers.length > 0 && !isLoopbackHost(config.host)) {
    const bar = '!'.repeat(78);
    notices.push({
      level: 'warn',
      text: [
        bar,
        `PERINGATAN / WARNING: akun demo (${demoUsers.map((u) => u.username).join(', ')}) dengan kata sandi publik`,
        `aktif dan server mendengarkan di ${config.host}:${config.port}, bukan hanya di komputer ini.`,
        'Siapa pun di jaringan dapat masuk sebagai admin. Untuk instalasi sungguhan: basis data baru dengan',
        'NODE_ENV=production (tanpa SERASAN_SEED_DEMO=true) dan admin pertama lewat `npm run serasan -- user:create`;',
        'untuk mencoba saja: HOST=127.0.0.1. (Demo accounts with a public password are reachable from the network.)',
        bar,
      ].join('\n'),
    });
  }
  if (config.clockStart) {
    notices.push({
      level: 'warn',
      text: [
        `Jam server diatur oleh SERASAN_CLOCK_START: mulai ${config.clockStart}, sekarang menurut server ${deps.clock.now().toISOString()}.`,
        'Hanya untuk uji dan demo: tanggal, tenggat dan triwulan mengikuti jam ini, bukan jam komputer.',
        '(The server clock is set by SERASAN_CLOCK_START; for tests and demos only.)',
      ].join('\n'),
    });
  }
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyUser) {
    notices.push({
      level: 'info',
      text: [
        'Belum ada pengguna. Buat ruang kerja pemda dan admin pertama dengan CLI:',
        '  npm run serasan -- tenant:create <kode-wilayah>',
        '  npm run serasan -- user:create --tenant <kode-wilayah> --username <nama> --name "<Nama Lengkap>" --role admin [--platform-admin]',
        'Kata sandi sementara dicetak sekali dan wajib diganti saat masuk pertama.',
      ].join('\n'),
    });
  }
  return notices;
}
