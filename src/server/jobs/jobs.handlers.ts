import { DELIVER_JOB } from '../modules/notifications/notify.ts';
import { deliverOutbox } from '../modules/notifications/notifications.delivery.ts';
import { registerSkmJobs } from '../modules/skm/skm.jobs.ts';
import { registerPkRealisationJobs } from '../modules/kinerja/pk-realisation.jobs.ts';
import { registerPkSeasonJobs } from '../modules/kinerja/pk-season.jobs.ts';
import { createJobRegistry, type JobRegistry } from './jobs.runner.ts';

/** Every job kind of the application, in one place. A module adds its handlers here. */
export function createAppJobRegistry(): JobRegistry {
  const registry = createJobRegistry();
  registry.register(DELIVER_JOB, deliverOutbox);
  registerSkmJobs(registry);
  registerPkRealisationJobs(registry);
  registerPkSeasonJobs(registry);
  return registry;
}
