/**
 * The layout tells the story in one direction: content → speech → conversation → handlers, interceptors and the
 * error handler (siblings, on the request facts beneath them) → skill → entry points. Checked on the import
 * statements of lambda/, so a new arrow the wrong way fails here rather than in review.
 */
import fs from 'node:fs';
import path from 'node:path';

const lambda = path.resolve(__dirname, '../../lambda');

/** Every lambda/ source file and the lambda/ folders (first level) it imports from. */
function importsByFile(): { file: string; folder: string; imports: string[] }[] {
  const files = fs.readdirSync(lambda, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.map((file) => {
    const text = fs.readFileSync(path.join(lambda, file), 'utf8');
    const imports = [...text.matchAll(/^import[^']*'(\.[^']+)'/gm)].map(([, target]) => path.relative(lambda, path.resolve(path.dirname(path.join(lambda, file)), target)));
    return { file, folder: file.split(path.sep)[0], imports: imports.map((target) => target.split(path.sep)[0]) };
  });
}

const SIBLINGS = ['handlers', 'interceptors', 'errors'];

it('handlers, interceptors and the error handler are siblings: none of them imports another', () => {
  const crossings = importsByFile().flatMap(({ file, folder, imports }) =>
    SIBLINGS.includes(folder) ? imports.filter((target) => SIBLINGS.includes(target) && target !== folder).map((target) => `${file} → ${target}/`) : [],
  );
  expect(crossings).toEqual([]);
});

it('nothing beneath them imports them, nor the wiring', () => {
  const upward = importsByFile().flatMap(({ file, folder, imports }) =>
    [...SIBLINGS, 'skill.ts', 'index.ts'].includes(folder) ? [] : imports.filter((target) => [...SIBLINGS, 'skill.ts', 'skill', 'index.ts', 'index'].includes(target)).map((target) => `${file} → ${target}`),
  );
  expect(upward).toEqual([]);
});
