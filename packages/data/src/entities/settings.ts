/**
 * Versioned platform settings, set by the national admin: the jury's quorum and majority
 * (`PLATFORM#JURY` / `SETTINGS`), the retention (`PLATFORM#DATA_PROTECTION` / `SETTINGS`) and the
 * fee schedules, one per month they start applying (`PLATFORM#FEES` / `FROM#<month>`). Keys: keys.ts
 * (`jurySettings`, `dataProtectionSettings`, `feeSchedule`, `feeSchedules`).
 */
import { DataProtectionSettings, FeeSchedule, JurySettings } from '@socle/domain';
import { itemReader } from './storedItem.ts';

const jurySettingsFromItem = itemReader('jury settings', JurySettings);
const dataProtectionSettingsFromItem = itemReader('data protection settings', DataProtectionSettings);

const feeScheduleFromItem = itemReader('fee schedule', FeeSchedule);

export { dataProtectionSettingsFromItem, feeScheduleFromItem, jurySettingsFromItem };
