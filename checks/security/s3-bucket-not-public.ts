import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'security.s3-bucket-not-public',
  section: 'security',
  item: 'S3 bucket has proper IAM permissions (not public)',
  severity: 'critical',
  verifies: 'The assets bucket blocks public access at account and bucket level, and the app reaches it through a least-privilege IAM principal limited to that bucket.',
  attestation: "`aws s3api get-public-access-block --bucket <bucket>` output with all four settings true, `aws s3api get-bucket-policy-status --bucket <bucket>` showing IsPublic false, and the app's IAM policy JSON allowing only s3:GetObject/PutObject/DeleteObject on arn:aws:s3:::<bucket>/*.",
  remediation: 'Turn on Block Public Access for the bucket and the account, remove public-read ACLs and `"Principal": "*"` statements, serve assets via presigned URLs or CloudFront with origin access control, and replace broad keys with a bucket-scoped IAM policy.',
});
