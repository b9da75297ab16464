import { describe, expect, it } from 'vitest';
import { classify } from './index';

// A host's "taken, thanks!" and a "please share" carry thanks and prayers, but they
// tell people in need something (the offer is gone; someone is missing): never hidden.
describe('follow-ups that look like thanks stay visible', () => {
  it.each([
    ['en', 'Spare room is taken now, thank you all so much 🙏 #floodhelp'],
    ['nl', 'Volzet! Bedankt iedereen voor het delen ❤️ #wateroverlast'],
    ['fr', 'Complet, merci à tous pour les partages 🙏 #inondations'],
    ['de', 'Alle Plätze vergeben, danke euch allen! #Hochwasser'],
    ['en', 'Please share, my brother Tom was at the stage when it collapsed 🙏'],
    ['nl', 'Graag delen aub, mijn zus is nog niet thuis 🙏 #storm'],
    ['fr', 'Merci de partager, ma fille Léa était au concert 🙏'],
    ['de', 'Bitte teilen, mein Vater ist seit heute Morgen nicht erreichbar 🙏'],
    ['en', 'Lost my bag with my insulin near the main gate, thank you so much if anyone finds it 🙏'],
  ])('%s: %s', (lang, text) => {
    expect(classify({ id: 't', text, lang }).sympathyOnly).toBe(false);
  });

  it('still hides pure thanks and prayers', () => {
    expect(classify({ id: 't', text: 'Thank you all, so proud of this town ❤️ #floodhelp', lang: 'en' }).sympathyOnly).toBe(true);
    expect(classify({ id: 't', text: 'Sterkte aan iedereen daar 🙏 #wateroverlast', lang: 'nl' }).sympathyOnly).toBe(true);
  });
});
