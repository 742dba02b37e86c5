// Who is accountable for each activity of a guide?
// Run: node examples/accountable.mjs [guide.md]   (in a clone, after `npm install && npm run build`)
import { fileURLToPath } from 'node:url';
import { listActivities, ResponsibilityModelError } from 'responsibility-model';
import { parseResponsibilityModelFile } from 'responsibility-model/files';

const file =
  process.argv[2] ??
  fileURLToPath(
    new URL(
      '../fixtures/corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md',
      import.meta.url,
    ),
  );

let model;
try {
  model = await parseResponsibilityModelFile(file);
} catch (error) {
  if (!(error instanceof ResponsibilityModelError)) throw error;
  // The guide has errors: report them, and still use the best-effort model.
  console.error(error.message);
  model = error.model;
}

const labels = Object.fromEntries(model.parties.map((party) => [party.id, party.label]));
for (const activity of listActivities(model)) {
  const accountable = Object.entries(activity.assignments)
    .filter(([, letters]) => letters.includes('A'))
    .map(([party]) => labels[party]);
  console.log(`${activity.id}\t${accountable.join(', ') || '(none)'}\t${activity.text}`);
}
