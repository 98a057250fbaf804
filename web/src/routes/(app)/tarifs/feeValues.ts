/** The fee form's values: amounts typed in euros (`20` or `20,50`), sent in cents. */
import { Cents, Version, certifications } from '@socle/domain';
import type { Certification, FeeTable } from '@socle/domain';
import * as z from 'zod';

type FeeItem = 'preliminaryEvaluation' | 'certificate';
type FeeValues = Record<Certification, Record<FeeItem, string>>;

const feeItems: readonly FeeItem[] = ['preliminaryEvaluation', 'certificate'];
const feeItemLabels: Record<FeeItem, string> = {
  preliminaryEvaluation: 'Par évaluation préalable',
  certificate: 'Par certificat délivré',
};

/** `2050` → `20,50`. */
const eurosText = (cents: number): string => (cents / 100).toFixed(2).replace('.', ',');

/** `20,5` or `20.5` → `2050`. */
const toCents = (text: string): number => Math.round(Number(text.replace(',', '.')) * 100);

const Euros = z
  .string()
  .trim()
  .regex(/^\d{1,5}([,.]\d{1,2})?$/, { error: 'montant en euros, par exemple 20 ou 20,50' })
  .transform(toCents)
  .pipe(Cents);

const FeeForm = z.object({
  fees: z.object(
    Object.fromEntries(
      certifications.map((c) => [c, z.object({ preliminaryEvaluation: Euros, certificate: Euros })]),
    ) as Record<
      Certification,
      z.ZodObject<{ preliminaryEvaluation: typeof Euros; certificate: typeof Euros }>
    >,
  ),
  version: Version.optional(),
});

const feeValues = (fees: FeeTable): FeeValues =>
  Object.fromEntries(
    certifications.map((c) => [
      c,
      {
        preliminaryEvaluation: eurosText(fees[c].preliminaryEvaluation),
        certificate: eurosText(fees[c].certificate),
      },
    ]),
  ) as FeeValues;

export type { FeeItem, FeeValues };
export { FeeForm, eurosText, feeItemLabels, feeItems, feeValues, toCents };
