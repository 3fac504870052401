import { MODALITY_FAMILY_LABELS, MODALITY_FAMILY_ORDER } from '@/lib/format';
import type { ModalityTag } from '@/lib/therapists/types';
import { TagList } from './tag-list';

/** Modalities under their family headings (massage, Asian bodywork, related care). */
export function ModalityGroups({ modalities }: { modalities: readonly ModalityTag[] }) {
  const groups = MODALITY_FAMILY_ORDER.map((family) => ({
    family,
    items: modalities.filter((modality) => modality.family === family),
  })).filter((group) => group.items.length > 0);

  if (groups.length === 0) {
    return <p className="text-sm text-stone-600">No techniques listed yet.</p>;
  }
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <div key={group.family}>
          <h3 className="text-sm font-semibold text-stone-700">
            {MODALITY_FAMILY_LABELS[group.family]}
          </h3>
          <TagList tags={group.items} className="mt-2" />
        </div>
      ))}
    </div>
  );
}
