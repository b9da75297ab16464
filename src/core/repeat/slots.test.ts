import { describe, expect, it } from 'vitest';
import { parseText } from './parse';
import { readSlots, slotConflict, slotSignature, slotsEqual, slotsWithin } from './slots';

const slots = (text: string) => readSlots(parseText(text)).slots;

describe('readSlots', () => {
  it('reads phones in national and international forms as one number', () => {
    expect(slots('bel 0470 12 34 56').phones).toEqual(slots('bel +32 470/12.34.56').phones);
    expect(slots('Tel. 0171 2345678').phones).toEqual(slots('Tel. +49 171 2345678').phones);
    expect(slots('appelez le 06 12 34 56 78').phones).toEqual(['612345678']);
    expect(slots('call (617) 555-0199').phones).toEqual(['6175550199']);
    expect(slots('op 19.08.2011 om 20.00 uur').phones).toEqual([]);
  });

  it('reads contact handles but not the tag run at the end', () => {
    expect(slots('stuur een DM naar @jansens').handles).toEqual(['jansens']);
    expect(slots('écrivez-moi à @claire_p').handles).toEqual(['claire_p']);
    expect(slots('Slaapplaats in Genk @radio2 @pukkelpop').handles).toEqual([]);
    expect(slots('conducting an explosives training... @someone').handles).toEqual([]);
  });

  it('reads places from towns, place words, postcodes, streets and arrondissements', () => {
    expect(slots('Slaapplaats in Kermt').places).toEqual(['kermt']);
    expect(slots('Nog 2 bedden vrij #Zonhoven').places).toEqual(['zonhoven']);
    expect(slots('Chambre à Saint-Denis').places).toEqual(['saint denis']);
    expect(slots('Kleren in de Kerkstraat 12, 3500 Hasselt').places).toEqual(['3500 hasselt', 'hasselt', 'kerkstraat 12']);
    expect(slots('Schlafplatz für 2 in der Hauptstraße 5').places).toEqual(['hauptstrasse 5']);
    expect(slots('Canapé dans le 11e arrondissement').places).toEqual(['paris 11e']);
    expect(slots('Room at 55 Main Street').places).toEqual(['55 main street']);
  });

  it('does not take ordinary words for places', () => {
    expect(slots('Biete Schlafplatz für 2 Personen, bitte per PN melden').places).toEqual([]);
    expect(slots('Ik ben in orde, alles goed').places).toEqual([]);
    expect(slots('I have a Bed for you, DM me').places).toEqual([]);
    expect(slots('Colorado Is On Fire').places).toEqual([]);
    expect(slots('We gaan halen wat nodig is').places).toEqual([]);
  });

  it('reads capacity from digits, number words and ranges, not nights or hours', () => {
    expect(slots('plaats voor 3 personen').capacity).toEqual(['3']);
    expect(slots('héberger deux personnes').capacity).toEqual(['2']);
    expect(slots('Platz für 2-4 Personen').capacity).toEqual(['4']);
    expect(slots('room for 2 for 3 nights').capacity).toEqual(['2']);
    expect(slots('open tot 20 uur, 2 nachten').capacity).toEqual([]);
    expect(slots('Ik heb een bed voor 2 personen').capacity).toEqual(['2']);
  });

  it('reads days and times in four languages', () => {
    expect(slots('vanavond om 20u30').days).toEqual(['tonight']);
    expect(slots('vanavond om 20u30').times).toEqual(['20:30']);
    expect(slots('samedi à 20h').times).toEqual(['20:00']);
    expect(slots('heute um 18 Uhr').times).toEqual(['18:00']);
    expect(slots('tomorrow at 8pm').times).toEqual(['20:00']);
    expect(slots('on 19/8 and 28 augustus').days).toEqual(['d19m8', 'd28m8']);
    expect(slots('open 24/7').days).toEqual([]);
  });

  it('compares slots: a value on both sides must agree; a cut copy may miss some', () => {
    const a = slots('Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56');
    const b = slots('Slaapplaats voor 2 in Hasselt, bel 0470 65 43 21');
    const cut = slots('Slaapplaats voor 2 in Hasselt');
    expect(slotConflict(a, b)).toBe('phones');
    expect(slotsEqual(a, a)).toBe(true);
    expect(slotsWithin(cut, a)).toBe(true);
    expect(slotsWithin(a, cut)).toBe(false);
  });

  it('gives equal signatures exactly to equal slots (the index compares signatures)', () => {
    const texts = [
      'Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56',
      'In Hasselt slaapplaats voor 2, bel +32 470 12 34 56',
      'Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56 of +32 470 65 43 21',
      'Plaats voor 2-3 personen in Genk en Hasselt vanavond om 20u, DM @jan of @piet',
      'DM @piet of @jan: plaats voor 2 tot 3 personen in Hasselt en Genk, vanavond 20:00',
      'Room for 4 in Leuven on 19/8 and 20/8, soup and a shower',
      'Zimmer für 4 in Leuven am 20.8. und 19.8., Suppe und Dusche',
      'Bed vrij',
    ];
    const all = texts.map(slots);
    for (const a of all) for (const b of all) expect(slotSignature(a) === slotSignature(b)).toBe(slotsEqual(a, b));
    expect(slotsEqual(all[0] as (typeof all)[number], all[1] as (typeof all)[number])).toBe(true);
  });
});
