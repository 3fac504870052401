import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { getDb } from '@/db';
import { conditions, modalities } from '@/db/schema';
import type { ModalityFamily } from '@/db/schema/enums';
import type { FieldIssue } from '@/lib/errors';
import { MODALITY_FAMILY_ORDER, shortTaxonomyName } from '@/lib/format';

export interface ModalityOption {
  slug: string;
  name: string;
  description: string;
}

export interface ModalityFamilyOptions {
  family: ModalityFamily;
  options: ModalityOption[];
}

export interface ConditionOption {
  slug: string;
  name: string;
}

export interface ConditionAreaOptions {
  bodyArea: string;
  options: ConditionOption[];
}

export interface TaxonomyOptions {
  /** Techniques under their families, in the order the profile shows families. */
  modalities: ModalityFamilyOptions[];
  /** Conditions under their body areas, in taxonomy order. */
  conditions: ConditionAreaOptions[];
}

/** The choices of techniques and conditions for the listing forms. */
export async function listTaxonomyOptions(): Promise<TaxonomyOptions> {
  const db = getDb();
  const [modalityRows, conditionRows] = await Promise.all([
    db
      .select({
        slug: modalities.slug,
        name: modalities.name,
        family: modalities.family,
        description: modalities.description,
      })
      .from(modalities)
      .orderBy(asc(modalities.id)),
    db
      .select({ slug: conditions.slug, name: conditions.name, bodyArea: conditions.bodyArea })
      .from(conditions)
      .orderBy(asc(conditions.id)),
  ]);
  const areas = new Map<string, ConditionOption[]>();
  for (const row of conditionRows) {
    const list = areas.get(row.bodyArea) ?? [];
    list.push({ slug: row.slug, name: row.name });
    areas.set(row.bodyArea, list);
  }
  return {
    modalities: MODALITY_FAMILY_ORDER.map((family) => ({
      family,
      options: modalityRows
        .filter((row) => row.family === family)
        .map((row) => ({
          slug: row.slug,
          name: shortTaxonomyName(row.name),
          description: row.description,
        })),
    })).filter((group) => group.options.length > 0),
    conditions: [...areas.entries()].map(([bodyArea, options]) => ({ bodyArea, options })),
  };
}

/**
 * The ids of the chosen modality and condition slugs; a slug the taxonomy does not know is an
 * issue on its field.
 */
export async function taxonomyIds(
  executor: Executor,
  chosen: { modality: string[]; condition: string[] },
  issues: FieldIssue[],
): Promise<{ modalityIds: number[]; conditionIds: number[] }> {
  const [modalityRows, conditionRows] = await Promise.all([
    chosen.modality.length > 0
      ? executor
          .select({ id: modalities.id, slug: modalities.slug })
          .from(modalities)
          .where(inArray(modalities.slug, chosen.modality))
      : Promise.resolve([]),
    chosen.condition.length > 0
      ? executor
          .select({ id: conditions.id, slug: conditions.slug })
          .from(conditions)
          .where(inArray(conditions.slug, chosen.condition))
      : Promise.resolve([]),
  ]);
  if (modalityRows.length !== chosen.modality.length) {
    issues.push({ field: 'modality', message: 'Choose techniques from the list.' });
  }
  if (conditionRows.length !== chosen.condition.length) {
    issues.push({ field: 'condition', message: 'Choose conditions from the list.' });
  }
  return {
    modalityIds: modalityRows.map((r) => r.id).sort((a, b) => a - b),
    conditionIds: conditionRows.map((r) => r.id).sort((a, b) => a - b),
  };
}
