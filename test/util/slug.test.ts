import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/util/slug.js';

describe('slugify', () => {
  it.each([
    ['Właściciel usługi', 'wlasciciel-uslugi'],
    ['Straße', 'strasse'],
    ['Prüfer', 'pruefer'],
    ['Заказчик', 'zakazchik'],
    ['Rôle Cloud Temple', 'role-cloud-temple'],
    ['  --Certified   partner!-- ', 'certified-partner'],
    ['日本語', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('keeps dots and underscores for path segments, never at either end', () => {
    expect(slugify('web_cloud', true)).toBe('web_cloud');
    expect(slugify('.Modèles de responsabilités.', true)).toBe('modeles-de-responsabilites');
    expect(slugify('web_cloud')).toBe('web-cloud');
  });
});
