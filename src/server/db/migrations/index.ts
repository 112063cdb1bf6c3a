import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './2026-11-23-0001-platform.ts';
import * as m0002 from './2026-11-23-0002-innovation.ts';
import * as m0003 from './2026-11-23-0003-skm.ts';
import * as m0004 from './2026-11-23-0004-kipp.ts';
import * as m0005 from './2026-11-23-0005-competition.ts';
import * as m0006 from './2026-11-30-0006-assessment.ts';
import * as m0007 from './2026-11-30-0007-documents.ts';
import * as m0008 from './2026-11-30-0008-notifications-jobs.ts';
import * as m0009 from './2026-11-30-0009-workflow.ts';
import * as m0010 from './2026-11-30-0010-login-throttle.ts';
import * as m0011 from './2026-11-30-0011-unit-code-null.ts';
import * as m0012 from './2026-11-30-0012-references.ts';
import * as m0013 from './2026-12-01-0013-search.ts';
import * as m0014 from './2026-12-01-0014-innovation-import.ts';
import * as m0015 from './2026-12-01-0015-competition-rules.ts';
import * as m0016 from './2026-12-01-0016-skm-write-path.ts';
import * as m0017 from './2026-12-01-0017-kinerja.ts';
import * as m0020 from './2026-12-01-0020-pk-realisation.ts';
import * as m0021 from './2026-12-01-0021-sakip-evaluation.ts';
import * as m0018 from './2026-12-01-0018-sakip-plan.ts';
import * as m0019 from './2026-12-01-0019-pk-season.ts';
import * as m0022 from './2026-12-01-0022-lhe-issued.ts';
import * as m0023 from './2026-12-01-0023-pk-plan-link.ts';
import * as m0024 from './2026-12-01-0024-evidence-link-scope.ts';

/** Static, append-only list of migrations (no directory scanning: STACK.md). */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-platform': m0001,
  '2026-11-23-0002-innovation': m0002,
  '2026-11-23-0003-skm': m0003,
  '2026-11-23-0004-kipp': m0004,
  '2026-11-23-0005-competition': m0005,
  '2026-11-30-0006-assessment': m0006,
  '2026-11-30-0007-documents': m0007,
  '2026-11-30-0008-notifications-jobs': m0008,
  '2026-11-30-0009-workflow': m0009,
  '2026-11-30-0010-login-throttle': m0010,
  '2026-11-30-0011-unit-code-null': m0011,
  '2026-11-30-0012-references': m0012,
  '2026-12-01-0013-search': m0013,
  '2026-12-01-0014-innovation-import': m0014,
  '2026-12-01-0015-competition-rules': m0015,
  '2026-12-01-0016-skm-write-path': m0016,
  '2026-12-01-0017-kinerja': m0017,
  '2026-12-01-0020-pk-realisation': m0020,
  '2026-12-01-0021-sakip-evaluation': m0021,
  '2026-12-01-0018-sakip-plan': m0018,
  '2026-12-01-0019-pk-season': m0019,
  '2026-12-01-0022-lhe-issued': m0022,
  '2026-12-01-0023-pk-plan-link': m0023,
  '2026-12-01-0024-evidence-link-scope': m0024,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
