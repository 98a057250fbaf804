/**
 * Test-only: certificates as they were issued before December 2026, with Crockford's mod-37 check
 * symbol (`* ~ $ = U` included). The register is written directly (the jury closing only issues
 * current codes now): a copy of an issued certificate under an old-style code.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, tableName } from '@socle/data';
import { CROCKFORD_ALPHABET, mod37Check } from '@socle/domain';

/** A random old-style code; `checkSymbols` restricts its check symbol (e.g. `'*~$=U'`). */
const oldStyleCode = ({ prefix = 'CLEA', checkSymbols }: { prefix?: string; checkSymbols?: string } = {}) => {
  for (;;) {
    const payload = Array.from(randomBytes(12), (b) => CROCKFORD_ALPHABET[b & 31]).join('');
    const check = mod37Check(payload);
    if (checkSymbols && !checkSymbols.includes(check)) continue;
    return `${prefix}-${(payload.match(/.{4}/g) as string[]).join('-')}-${check}`;
  }
};

/** Stores a copy of the issued certificate `code` under `oldCode`, in the register's listings too. */
const storeUnderOldCode = async (code: string, oldCode: string) => {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.certificate(code) }));
  if (!Item) throw new Error(`no certificate ${code}`);
  const { gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, openBadge, ...item } = Item;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...item,
        ...keys.certificate(oldCode),
        ...keys.certificateListings(item.tenantId, item.issuedOn, oldCode),
        code: oldCode,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

export { oldStyleCode, storeUnderOldCode };
