// Pairs of messages, written for this project in Dutch, French, German and
// English, that the repeat index must get right. `same: false` pairs are the
// costly ones: merging them would hide a real offer from someone who needs it.
// Used by the unit tests and by `npm run eval:repeats`.

import type { Message } from '../types';

export interface HardCase {
  name: string;
  lang: 'nl' | 'fr' | 'de' | 'en';
  a: Message;
  b: Message;
  /** True when b repeats a (it must get a's key), false when they are two messages. */
  same: boolean;
}

let n = 0;
const m = (text: string, author: string | null = null, extra: Partial<Message> = {}): Message => ({
  id: `hc${++n}`,
  text,
  author,
  ...extra,
});

const pair = (name: string, lang: HardCase['lang'], same: boolean, a: Message, b: Message): HardCase => ({ name, lang, a, b, same });

export const HARD_CASES: HardCase[] = [
  // ---- never merge: same template, other town --------------------------------
  pair('other town', 'nl', false,
    m('Wij hebben een slaapplaats voor 2 personen in Hasselt. Stuur ons een DM! #hasselthelpt'),
    m('Wij hebben een slaapplaats voor 2 personen in Genk. Stuur ons een DM! #hasselthelpt')),
  pair('other town, town only as hashtag', 'nl', false,
    m('Nog 2 bedden vrij, stuur een berichtje #hasselthelpt #Zonhoven'),
    m('Nog 2 bedden vrij, stuur een berichtje #hasselthelpt #Diepenbeek')),
  pair('other town, unlisted name', 'nl', false,
    m('Slaapplaats voor 3 in Kermt, bel gerust #hasselthelpt'),
    m('Slaapplaats voor 3 in Stokrooie, bel gerust #hasselthelpt')),
  pair('other town', 'fr', false,
    m('#PorteOuverte Canapé pour 2 personnes à Montreuil, écrivez-moi en MP'),
    m('#PorteOuverte Canapé pour 2 personnes à Vincennes, écrivez-moi en MP')),
  pair('other street', 'fr', false,
    m('Chambre libre pour 2, 14 rue Oberkampf, sonnez chez Martin #PorteOuverte'),
    m('Chambre libre pour 2, 14 rue de Charonne, sonnez chez Martin #PorteOuverte')),
  pair('other town', 'de', false,
    m('Biete Schlafplatz für 2 Personen in Euskirchen, bitte per PN melden #Hochwasser'),
    m('Biete Schlafplatz für 2 Personen in Erftstadt, bitte per PN melden #Hochwasser')),
  pair('other town', 'en', false,
    m('Spare room for 2 people in Leuven tonight, DM me #floods'),
    m('Spare room for 2 people in Mechelen tonight, DM me #floods')),

  // ---- never merge: same town, other capacity ---------------------------------
  pair('other capacity', 'nl', false,
    m('Plaats voor 2 personen in Hasselt, bel 0477 11 22 33'),
    m('Plaats voor 4 personen in Hasselt, bel 0477 11 22 33')),
  pair('other capacity in words', 'fr', false,
    m('Nous pouvons héberger deux personnes ce soir à Paris 11e, contactez-nous en MP'),
    m('Nous pouvons héberger trois personnes ce soir à Paris 11e, contactez-nous en MP')),
  pair('other capacity', 'de', false,
    m('Wir haben Platz für 3 Personen in Stolberg. Meldet euch!'),
    m('Wir haben Platz für 5 Personen in Stolberg. Meldet euch!')),
  pair('other capacity', 'en', false,
    m('Can host 2 people in Ghent, dry clothes and a hot shower available'),
    m('Can host 6 people in Ghent, dry clothes and a hot shower available')),

  // ---- never merge: same text, other phone / handle / day / time ---------------
  pair('other phone', 'nl', false,
    m('Slaapplaats in Hasselt voor 2 personen, bel 0470 12 34 56'),
    m('Slaapplaats in Hasselt voor 2 personen, bel 0470 65 43 21')),
  pair('other phone, one digit', 'fr', false,
    m('Hébergement pour 4 à Saint-Denis, appelez le 06 12 34 56 78'),
    m('Hébergement pour 4 à Saint-Denis, appelez le 06 12 34 56 79')),
  pair('other phone', 'de', false,
    m('Notunterkunft für Familien in Ahrweiler, Tel. 0171 2345678'),
    m('Notunterkunft für Familien in Ahrweiler, Tel. 0171 8765432')),
  pair('other phone', 'en', false,
    m('Free rides to the shelter from the station, call 555-201-3344'),
    m('Free rides to the shelter from the station, call 555-201-9988')),
  pair('other contact handle', 'nl', false,
    m('Lift naar Hasselt station mogelijk, stuur een DM naar @jansens'),
    m('Lift naar Hasselt station mogelijk, stuur een DM naar @peeters_k')),
  pair('other contact handle', 'en', false,
    m('Two beds free near Liège, contact @floodhelp_be'),
    m('Two beds free near Liège, contact @helpliege')),
  pair('other day', 'fr', false,
    m('Je peux héberger 2 personnes samedi à Lyon, MP'),
    m('Je peux héberger 2 personnes dimanche à Lyon, MP')),
  pair('other day', 'nl', false,
    m('Soep en koffie voor iedereen vandaag in de parochiezaal van Kiewit'),
    m('Soep en koffie voor iedereen morgen in de parochiezaal van Kiewit')),
  pair('other time', 'de', false,
    m('Fahre heute um 18 Uhr von Köln nach Ahrweiler, 3 Plätze frei'),
    m('Fahre heute um 20 Uhr von Köln nach Ahrweiler, 3 Plätze frei')),
  pair('other time', 'en', false,
    m('Driving from Brussels to Verviers at 9am with 3 free seats, DM me'),
    m('Driving from Brussels to Verviers at 2pm with 3 free seats, DM me')),
  pair('other date', 'nl', false,
    m('Wij vangen mensen op op 19/8 in Hasselt, bel 011 22 33 44'),
    m('Wij vangen mensen op op 20/8 in Hasselt, bel 011 22 33 44')),

  // ---- never merge: the same offer text posted by two people ------------------
  pair('two people, same text', 'nl', false,
    m('Ik heb een slaapplaats voor 2 personen in Hasselt, stuur me een DM #hasselthelpt', 'lies_v'),
    m('Ik heb een slaapplaats voor 2 personen in Hasselt, stuur me een DM #hasselthelpt', 'tom_d')),
  pair('two people, same text', 'fr', false,
    m('#PorteOuverte Nous avons un canapé pour 1 personne dans le 11e arrondissement, MP', 'claire_p'),
    m('#PorteOuverte Nous avons un canapé pour 1 personne dans le 11e arrondissement, MP', 'julien75')),
  pair('two people, same text', 'de', false,
    m('Wir haben Platz für 2 Personen in Euskirchen. Schreibt mir eine PN', 'anna_k'),
    m('Wir haben Platz für 2 Personen in Euskirchen. Schreibt mir eine PN', 'markus_w')),
  pair('two people, same text', 'en', false,
    m('I have a spare bed for one person in Hasselt, DM me', 'sarah'),
    m('I have a spare bed for one person in Hasselt, DM me', 'mike')),
  pair('two people, manual copies crediting each', 'en', false,
    m('RT @sarah: I have a spare bed for one person in Hasselt, DM me'),
    m('RT @mike: I have a spare bed for one person in Hasselt, DM me')),
  pair('two people, same words reworded', 'nl', false,
    m('Slaapplaats vrij voor 2 in Hasselt, stuur me een berichtje', 'lies_v'),
    m('Nog een slaapplaats vrij voor 2 in Hasselt, stuur me maar een berichtje', 'tom_d')),

  // ---- never merge: other offers that look alike ------------------------------
  pair('other kind of offer', 'nl', false,
    m('Douche beschikbaar in Hasselt voor festivalgangers, stuur een DM'),
    m('Slaapplaats beschikbaar in Hasselt voor festivalgangers, stuur een DM')),
  pair('other house number', 'de', false,
    m('Trockene Kleidung und Decken abzuholen in der Bahnhofstraße 12, Eschweiler'),
    m('Trockene Kleidung und Decken abzuholen in der Bahnhofstraße 21, Eschweiler')),
  pair('cut copy of one of two offers', 'en', false,
    m('Spare room for 2 people in Leuven tonight, DM me #floods'),
    m('RT @someone: Spare room for 2 people in Mechelen tonight, DM me and I will send the address…')),

  // ---- must merge: copies ------------------------------------------------------
  pair('manual RT', 'nl', true,
    m('Slaapplaats voor 2 personen in Hasselt, bel 0470 12 34 56 #hasselthelpt', 'lies_v'),
    m('RT @lies_v: Slaapplaats voor 2 personen in Hasselt, bel 0470 12 34 56 #hasselthelpt', 'tom_d')),
  pair('manual RT chain', 'en', true,
    m('Shelter open at Leuven town hall for anyone who cannot get home, free soup #floods', 'cityofleuven'),
    m('RT @helper: RT @cityofleuven: Shelter open at Leuven town hall for anyone who cannot get home, free soup #floods', 'helper2')),
  pair('via credit', 'fr', true,
    m('Hébergement possible pour 3 personnes à Saint-Denis, écrivez en MP #PorteOuverte', 'nadia_sd'),
    m('Hébergement possible pour 3 personnes à Saint-Denis, écrivez en MP #PorteOuverte via @nadia_sd', 'marc')),
  pair('parenthesised credit', 'de', true,
    m('Suppe und Kaffee für alle Helfer am Marktplatz in Altenahr ab 12 Uhr', 'ahrhilfe'),
    m('Suppe und Kaffee für alle Helfer am Marktplatz in Altenahr ab 12 Uhr (@ahrhilfe)', 'lena')),
  pair('native repost, same status id', 'en', true,
    m('Two beds and a shower free in Genk, DM me', 'sarah', { id: '1429384756102938475' }),
    m('Two beds and a shower free in Genk, DM me …', 'sarah', { id: '1429384756102938475', retweetedBy: 'mike' })),
  pair('other hashtags, mentions, links, emoji', 'nl', true,
    m('Slaapplaats voor 2 personen in Hasselt, bel 0470 12 34 56 #hasselthelpt', 'lies_v'),
    m('🙏 Slaapplaats voor 2 personen in Hasselt, bel 0470 12 34 56!! @radio2 @pukkelpop https://t.co/abc123 #pkp #storm', 'lies_v')),
  pair('case and punctuation', 'fr', true,
    m('Canapé dispo pour 1 personne à Vincennes ce soir, MP ouverts', 'claire_p'),
    m('CANAPÉ DISPO POUR 1 PERSONNE À VINCENNES CE SOIR... MP OUVERTS !!!', 'claire_p')),
  pair('case and punctuation', 'de', true,
    m('Schlafplatz für 2 Personen in Euskirchen, bitte per PN melden.', 'anna_k'),
    m('schlafplatz für 2 personen in euskirchen - bitte per pn melden!!', 'anna_k')),
  pair('truncated copy', 'en', true,
    m('Spare room for 2 people in Mechelen tonight, DM me and I will send you the address, dry clothes too #floods', 'sarah'),
    m('RT @sarah: Spare room for 2 people in Mechelen tonight, DM me and I will send…')),
  pair('truncated copy', 'nl', true,
    m('Wij hebben in Zonhoven plaats voor 4 personen, warme douche en droge kleren. Bel 0496 55 44 33 of stuur een DM', 'fam_claes'),
    m('RT @fam_claes: Wij hebben in Zonhoven plaats voor 4 personen, warme douche en droge kleren. Bel 0496 55…')),
  pair('quote without own content', 'en', true,
    m('Free hot meals at the Red Cross tent in Verviers until 10pm', 'redcross_be'),
    m('Please share!', 'someone', { quotedText: 'Free hot meals at the Red Cross tent in Verviers until 10pm', quotedAuthor: 'redcross_be' })),

  // ---- must merge: light rewording, same author, place, capacity, contact ------
  pair('light rewording', 'nl', true,
    m('Ik heb nog een slaapplaats voor 2 personen in Hasselt. Bel 0470 12 34 56', 'lies_v'),
    m('Nog een slaapplaats vrij voor 2 personen in Hasselt, bel 0470/12.34.56 #hasselthelpt', 'lies_v')),
  pair('light rewording', 'fr', true,
    m('Nous pouvons héberger 3 personnes à Saint-Denis cette nuit, contactez-nous en MP', 'nadia_sd'),
    m('On peut héberger 3 personnes cette nuit à Saint-Denis ! Contactez-nous en MP #PorteOuverte', 'nadia_sd')),
  pair('light rewording', 'de', true,
    m('Biete Schlafplatz für 2 Personen in Euskirchen, bitte per PN melden', 'anna_k'),
    m('Biete in Euskirchen einen Schlafplatz für 2 Personen, bitte einfach per PN melden #Hochwasser', 'anna_k')),
  pair('light rewording', 'en', true,
    m('I have a spare room for 2 people in Leuven, call me on 0470 99 88 77', 'sarah'),
    m('Spare room for 2 people available in Leuven! Call 0470 99 88 77', 'sarah')),
];
