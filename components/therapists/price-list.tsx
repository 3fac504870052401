import { formatDollars, formatMinutes } from '@/lib/listings/format';
import type { PriceEntry } from '@/lib/therapists/types';

/** Services with their length and price, as the practitioner listed them. */
export function PriceList({ prices }: { prices: readonly PriceEntry[] }) {
  if (prices.length === 0) {
    return <p className="text-sm text-stone-600">Prices not given yet.</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Prices</caption>
      <thead>
        <tr className="border-b border-stone-200 text-stone-600">
          <th scope="col" className="py-2 pr-3 font-medium">
            Service
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            Length
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            Price
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {prices.map((price, index) => (
          <tr key={index}>
            <th scope="row" className="py-2 pr-3 font-medium text-stone-900">
              {price.service}
            </th>
            <td className="py-2 pr-3 text-stone-700 tabular-nums">
              {formatMinutes(price.minutes)}
            </td>
            <td className="py-2 text-right font-semibold text-stone-900 tabular-nums">
              {formatDollars(price.dollars)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
