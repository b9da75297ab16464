import { describe, expect, it } from 'vitest';
import { extractOffer, offerDetails } from './extract';

const NOW = Date.parse('2011-08-19T12:00:00Z');
const offer = (text: string, createdAt = '2011-08-19T10:00:00Z') => extractOffer({ id: '1', text, createdAt }, { now: NOW, staleHours: 12 });

describe('extractOffer: kind', () => {
  it.each([
    ['Ik heb een slaapplaats voor 2 personen in Hasselt', 'shelter'],
    ['Canapé libre pour une personne à Montreuil #PorteOuverte', 'shelter'],
    ['Biete Schlafplatz für 2 Personen in Euskirchen', 'shelter'],
    ['Spare room for 2 people near Leuven', 'shelter'],
    ['Douche beschikbaar in Hasselt voor festivalgangers', 'shower'],
    ['Plaats in mijn auto van Hasselt naar Leuven om 18u', 'transport'],
    ['Covoiturage possible vers Lyon demain matin', 'transport'],
    ['Free rides to the shelter from the station', 'transport'],
    ['Warme soep en koffie in de parochiezaal', 'food'],
    ['Kom je gsm opladen bij ons, stopcontacten genoeg', 'charging'],
    ['Handy laden und WLAN bei uns im Laden', 'charging'],
    ['Droge kleren en dekens af te halen', 'clothes'],
    ['Couvertures et vêtements secs disponibles', 'clothes'],
    ['Windeln und Babynahrung abzugeben', 'goods'],
    ['Wir haben Pumpen und ein Notstromaggregat, wer braucht Hilfe?', 'hands'],
    ['Volunteers with shovels ready to help clean up', 'hands'],
    ['Iets te bieden, laat maar weten', 'other'],
  ])('%s -> %s', (text, kind) => {
    expect(offer(text).kind).toBe(kind);
  });
});

describe('extractOffer: details', () => {
  it('reads capacity, places and contact', () => {
    const o = offer('Schlafplatz für 4 Personen in Bad Neuenahr-Ahrweiler, Hauptstraße 5. Tel +49 171 1234567');
    expect(o.capacity).toBe(4);
    expect(o.places).toEqual(['Bad Neuenahr-Ahrweiler']);
    expect(o.contact).toEqual({ dm: false, phones: ['+49 171 1234567'], address: 'Hauptstraße 5', handles: [] });
  });

  it('reads a DM request and a contact handle, not a time as DM', () => {
    expect(offer('Hébergement pour deux personnes ce soir, contactez @claire_p').contact).toMatchObject({ dm: false, handles: ['claire_p'] });
    expect(offer('Hébergement pour deux, écrivez-moi à @claire_p').contact).toMatchObject({ dm: true, handles: ['claire_p'] });
    expect(offer('Bed in Genk, DM me').contact.dm).toBe(true);
    expect(offer('Chambre à Lyon, MP ouverts').contact.dm).toBe(true);
    expect(offer('Schlafplatz in Köln, bitte per PN').contact.dm).toBe(true);
    expect(offer('Soup until 8 pm at the town hall').contact.dm).toBe(false);
  });

  it('gives the original post time', () => {
    expect(offer('Bed in Genk').postedAt).toBe('2011-08-19T10:00:00.000Z');
    expect(extractOffer({ id: '1', text: 'Bed in Genk' }).postedAt).toBeNull();
  });
});

describe('extractOffer: status', () => {
  it('is open, then stale once the original post is older than staleHours', () => {
    expect(offer('Bed in Genk', '2011-08-19T10:00:00Z').status).toBe('open');
    expect(offer('Bed in Genk', '2011-08-18T20:00:00Z').status).toBe('stale');
    expect(extractOffer({ id: '1', text: 'Bed in Genk', createdAt: '2011-08-18T20:00:00Z' }, { now: NOW, staleHours: 24 }).status).toBe('open');
  });

  it('counts staleness from the original post, not the repost', () => {
    const repostSeenNow = offerDetails({ id: '1', text: 'Bed in Genk', createdAt: '2011-08-18T08:00:00Z', retweetedBy: 'mike' }, NOW, 12);
    expect(repostSeenNow.status).toBe('stale');
  });

  it.each([
    'VOLZET - slaapplaats voor 2 in Hasselt',
    'Update: volzet! Slaapplaats voor 2 in Hasselt',
    'Complet, merci à tous. Canapé à Montreuil',
    'EDIT: vergeben. Schlafplatz in Euskirchen',
    'Bed in Leuven for 2 people. Now full, thank you!',
    'Spare room in Leuven (TAKEN)',
    'Update : plus dispo. Canapé à Montreuil',
    'Logeerkamer in Genk. Al bezet, bedankt!',
    'Zimmer in Ahrweiler. Schon belegt, danke',
    'Room in Leuven for 2. No longer free, thanks',
  ])('is closed by its own update: %s', (text) => {
    expect(offer(text).status).toBe('closed');
  });

  it.each([
    'Slaapplaats voor 2 in Hasselt, nog niet volzet!',
    'Bed in Leuven for 2. The hospital is full so come here',
    'Chambre à Lyon, pas encore complet',
    'Schlafplatz in Köln, noch nicht vergeben',
    'Room for 2, my car is full of blankets to hand out',
  ])('stays open: %s', (text) => {
    expect(offer(text).status).toBe('open');
  });

  it('is closed when told so', () => {
    expect(extractOffer({ id: '1', text: 'Bed in Genk' }, { closed: true }).status).toBe('closed');
  });
});
