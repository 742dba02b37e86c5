import { createHash } from 'node:crypto';
import type { Column } from './columns.js';
import type { License } from './types.js';

/** Frictionless Data Package v2 profiles (https://datapackage.org). */
const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
const DATA_RESOURCE_PROFILE = 'https://datapackage.org/profiles/2.0/dataresource.json';
const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
const TABLE_DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';

export interface TableResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv' | 'jsonl';
  content: string;
  columns: readonly Column<never>[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

function fieldDescriptor(column: Column<never>): Record<string, unknown> {
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.type === 'list' ? { delimiter: column.delimiter, itemType: column.itemType } : {}),
    ...(column.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(column.constraints ? { constraints: column.constraints } : {}),
  };
}

/** A file of the package that is not a table: described, sized and hashed, without a Table Schema. */
interface FileResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  content: Uint8Array;
}

export interface PackageMetadata {
  licenses: readonly License[];
  /** Where the data comes from: one entry per guide. */
  sources: readonly { title: string; path: string }[];
  attachments: readonly FileResource[];
}

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function fileDescriptor(resource: FileResource): Record<string, unknown> {
  return {
    $schema: DATA_RESOURCE_PROFILE,
    name: resource.name,
    path: resource.path,
    title: resource.title,
    description: resource.description,
    format: resource.format,
    mediatype: resource.mediatype,
    bytes: resource.content.length,
    hash: sha256(resource.content),
  };
}

function resourceDescriptor(resource: TableResource): Record<string, unknown> {
  const bytes = Buffer.from(resource.content, 'utf8');
  return {
    $schema: DATA_RESOURCE_PROFILE,
    name: resource.name,
    type: 'table',
    path: resource.path,
    title: resource.title,
    description: resource.description,
    format: resource.format,
    mediatype: resource.format === 'csv' ? 'text/csv' : 'application/jsonl',
    encoding: 'utf-8',
    bytes: bytes.length,
    hash: sha256(bytes),
    ...(resource.format === 'csv'
      ? {
          dialect: {
            $schema: TABLE_DIALECT_PROFILE,
            header: true,
            delimiter: ',',
            lineTerminator: '\n',
            quoteChar: '"',
            doubleQuote: true,
          },
        }
      : {}),
    schema: {
      $schema: TABLE_SCHEMA_PROFILE,
      fields: resource.columns.map(fieldDescriptor),
      missingValues: [''],
      ...(resource.primaryKey ? { primaryKey: resource.primaryKey } : {}),
      ...(resource.foreignKeys ? { foreignKeys: resource.foreignKeys } : {}),
    },
  };
}

/** The text of datapackage.json: no timestamp and no absolute path, so it is as reproducible as the data. */
export function renderDataPackage(resources: readonly TableResource[], description: string, metadata: PackageMetadata): string {
  const descriptor = {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'responsibility-models',
    title: 'Responsibility models (RACI)',
    description,
    ...(metadata.licenses.length > 0 ? { licenses: metadata.licenses } : {}),
    sources: metadata.sources,
    resources: [...resources.map(resourceDescriptor), ...metadata.attachments.map(fileDescriptor)],
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
