// Synthetic offers for the repeat and store benchmarks: templates in four
// languages crossed with towns, capacities, phones and authors, so that every
// generated message is a distinct offer. In bench/lib/ so that bench/run.ts
// does not take it for a benchmark.

import type { Message } from '../../src/core/types';

const TOWNS = ['Hasselt', 'Genk', 'Zonhoven', 'Diepenbeek', 'Leuven', 'Mechelen', 'Montreuil', 'Vincennes', 'Saint-Denis', 'Euskirchen', 'Erftstadt', 'Ahrweiler', 'Verviers', 'Liège', 'Stolberg'];
const TEMPLATES = [
  (t: string, n: number, p: string) => `Wij hebben een slaapplaats voor ${n} personen in ${t}, bel ${p} #hasselthelpt`,
  (t: string, n: number, p: string) => `Canapé pour ${n} personnes à ${t}, appelez le ${p} #PorteOuverte`,
  (t: string, n: number, p: string) => `Biete Schlafplatz für ${n} Personen in ${t}, Tel. ${p} #Hochwasser`,
  (t: string, n: number, p: string) => `Spare room for ${n} people in ${t} tonight, call ${p} #floods`,
  (t: string, n: number, p: string) => `Soep en koffie voor ${n} mensen in ${t}, info ${p}`,
];

export function syntheticOffer(i: number): Message {
  const town = TOWNS[i % TOWNS.length] ?? 'Hasselt';
  const template = TEMPLATES[Math.floor(i / TOWNS.length) % TEMPLATES.length] ?? TEMPLATES[0]!;
  const phone = `04${String(70_000_000 + i).padStart(8, '0')}`.replace(/(\d{4})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4');
  return { id: `s${i}`, text: template(town, 1 + (i % 9), phone), author: `host${i}`, createdAt: new Date(1_313_700_000_000 + i * 1000).toISOString() };
}
