import { describe, expect, it } from 'vitest';
import { productOf } from '../../src/model/product.js';

const withFrontMatter = (frontMatter: Record<string, unknown>) => ({
  meta: { title: 'A guide', frontMatter },
});

describe('productOf', () => {
  it('takes the guide folder without the words that name the document', () => {
    expect(productOf('pages/manage_and_operate/kms/responsibility-model-kms/guide.en-gb.md')).toBe('kms');
    expect(productOf('pages/hosted_private_cloud/sap_on_ovhcloud/sap_raci/guide.fr-fr.md')).toBe('sap');
    expect(productOf('pages/storage_and_backup/object_storage/cold_storage_responsibility_model/guide.en-gb.md')).toBe('cold-storage');
    expect(productOf('pages/account_and_service_management/responsibility_sharing/dedicated-servers/guide.en-gb.md')).toBe(
      'dedicated-servers',
    );
  });

  it('goes up a folder when the guide folder only names the document', () => {
    expect(productOf('pages/platform/kubernetes-k8s/responsibility-model/guide.en-gb.md')).toBe('kubernetes-k8s');
    expect(productOf('pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md')).toBe('nutanix');
    expect(productOf('pages/public_cloud/data_analytics/analytics/information_06_shared_responsibility/guide.fr-fr.md')).toBe('analytics');
    expect(productOf('a\\windows\\path\\responsibility_model\\guide.en-gb.md')).toBe('path');
  });

  it('prefers a file-name prefix, and the front matter above all', () => {
    expect(productOf('pages/platform/public-cloud/modeles de responsabilités/Instances.guide.fr-fr.md')).toBe('instances');
    expect(productOf('x/responsibility-model-kms/guide.en-gb.md', withFrontMatter({ product: 'Key Management Service' }))).toBe(
      'key-management-service',
    );
    expect(productOf('x/responsibility-model-kms/guide.en-gb.md', withFrontMatter({ product: 42 }))).toBe('kms');
    expect(productOf('x/responsibility-model-kms/guide.en-gb.md', withFrontMatter({ product: ' - ' }))).toBe('kms');
  });

  it('is empty when no folder names a product', () => {
    expect(productOf('guide.en-gb.md')).toBe('');
    expect(productOf('responsibility-model/guide.en-gb.md')).toBe('');
    expect(productOf('../../responsibility/guide.md')).toBe('');
  });
});
