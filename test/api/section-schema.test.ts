import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Activity, type Section, SectionSchema } from '../../src/index.js';

/** The shape a section had when it was written out by hand beside a `z.lazy` schema. */
interface WrittenOutSection {
  number: string;
  title: string;
  line: number;
  activities: Activity[];
  sections: WrittenOutSection[];
}

const leaf = { number: '1.1', title: 'Specify', line: 3, activities: [], sections: [] };

describe('SectionSchema (recursive)', () => {
  it('infers the same type as the written-out interface (checked by npm run typecheck)', () => {
    expectTypeOf<Section>().toEqualTypeOf<WrittenOutSection>();
    expectTypeOf<Section['sections'][number]['sections'][number]>().toEqualTypeOf<Section>();
  });

  it('validates sections nested at any depth', () => {
    const nested = {
      number: '1',
      title: 'Before',
      line: 1,
      activities: [],
      sections: [{ ...leaf, sections: [{ ...leaf, number: '1.1.1' }] }],
    };
    expect(SectionSchema.parse(nested)).toEqual(nested);
    const broken = { ...nested, sections: [{ ...leaf, sections: [{ ...leaf, line: 0 }] }] };
    expect(SectionSchema.safeParse(broken).error?.issues.map((issue) => issue.path)).toEqual([['sections', 0, 'sections', 0, 'line']]);
  });
});
