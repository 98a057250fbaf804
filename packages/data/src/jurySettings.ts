/**
 * The jury's quorum and majority (SPEC §4), a platform setting of the national admin
 * (`PLATFORM#JURY` / `SETTINGS`), stored like the retention: one versioned item, 409 on a stale
 * version, each change on the platform audit trail. Sessions pin the setting in force when they
 * open (jurySessions.ts), so the version a decision was taken under stays known.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_JURY_RULES } from '@socle/domain';
import type { JurySettings, JurySettingsUpdate } from '@socle/domain';
import { auditPut } from './audit.ts';
import type { WriteContext } from './audit.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { putSettingVersion } from './records.ts';
import { tableName } from './table.ts';
import { transact } from './transact.ts';
import { jurySettingsFromItem } from './entities/settings.ts';

const majorityWords = { absolute: 'majorité absolue', two_thirds: 'deux tiers', unanimity: 'unanimité' };

const getJurySettings = async (): Promise<JurySettings> => {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.jurySettings(), ConsistentRead: true }),
  );
  return Item ? jurySettingsFromItem(Item) : { ...DEFAULT_JURY_RULES, version: 0 };
};

const putJurySettings = async (ctx: WriteContext, input: JurySettingsUpdate): Promise<JurySettings> => {
  const expected = input.version ?? 0;
  const next: JurySettings = {
    minPerCollege: input.minPerCollege,
    parity: input.parity,
    majority: input.majority,
    version: expected + 1,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.principal.userId,
  };
  await transact([
    putSettingVersion(
      'jury settings',
      { ...keys.jurySettings(), itemType: 'JurySettings', ...next },
      expected,
    ),
    auditPut((at, id) => keys.platformAudit(at, id), ctx, {
      action: 'jury_settings.set',
      entity: { type: 'jury_settings', id: 'rules' },
      summary: `version ${next.version} : ${input.minPerCollege} membre(s) par collège${input.parity ? ', à parité' : ''}, ${majorityWords[input.majority]}`,
    }),
  ]);
  return next;
};

export { getJurySettings, putJurySettings };
