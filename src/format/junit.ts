import type { Finding } from '../schema/finding.js';
import { type ReportInput, totals } from './report-input.js';

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeText(text: string): string {
  // `>` too, so a `]]>` in a message cannot end anything.
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text of one finding: also its line breaks, DEL and C1 controls as character references, so the
 * XML reads the same while no message can start a line of the output (a workflow command in a CI log).
 */
function escapeLine(text: string): string {
  return escapeText(text).replace(/[\n\r\u007f-\u009f]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Attribute values also keep their quotes and line breaks (a parser would fold a raw line break to a space). */
function escapeAttribute(text: string): string {
  return escapeLine(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;');
}

function failure(finding: Finding): string {
  return (
    `      <failure message="${escapeAttribute(`${finding.code}: ${finding.message}`)}" type="${escapeAttribute(finding.code)}">` +
    `${escapeLine(`${finding.line}:${finding.column} ${finding.message}`)}</failure>`
  );
}

function note(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.message} (${finding.code})`;
}

/**
 * JUnit XML: one test suite for the run, one test case per checked file, one `<failure>` per error.
 * Warnings and infos do not fail a test case; they are listed in its `<system-out>`.
 */
export function renderJunit(input: ReportInput): string {
  const failures = totals(input).error;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="raci check" tests="${input.files.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="raci check" tests="${input.files.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const file of input.files) {
    const name = escapeAttribute(file.file);
    const errors = file.findings.filter((finding) => finding.severity === 'error');
    const others = file.findings.filter((finding) => finding.severity !== 'error');
    if (errors.length === 0 && others.length === 0) {
      out.push(`    <testcase classname="${name}" name="${name}"/>`);
      continue;
    }
    out.push(`    <testcase classname="${name}" name="${name}">`);
    out.push(...errors.map(failure));
    if (others.length > 0) out.push(`      <system-out>${others.map((finding) => escapeLine(note(finding))).join('\n')}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n');
}
