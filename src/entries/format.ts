// responsibility-model/format: the outputs of `raci check --format` (stylish, json, sarif, github, gitlab, junit), each a function of
// the same report; the one-line form of a diagnostic; a model as plain text, as the help-center page reads.
export { formatDiagnostic } from '../diagnostics/diagnostic.js';
export { type GithubOptions, renderGithub } from '../format/github.js';
export { GITLAB_SEVERITY, type GitlabIssue, renderGitlab } from '../format/gitlab.js';
export { type JsonReport, JsonReportSchema, renderJson } from '../format/json.js';
export { renderJunit } from '../format/junit.js';
export { renderPlainText } from '../format/plain-text.js';
export type { FileReport, ReportInput } from '../format/report-input.js';
export { renderSarif } from '../format/sarif.js';
export { renderStylish, type StylishOptions } from '../format/stylish.js';
