import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.docker-images',
  section: 'deployment',
  item: 'Docker images building successfully',
  severity: 'high',
  verifies: 'The Docker images for every service build from a clean checkout of the release commit, reproducibly.',
  attestation: 'CI log or `docker build` output for api, dashboard and widget at the release SHA ending successfully, with image sizes and pinned base image tags (e.g. node:20-alpine), and the Railway build log for the same commit.',
  remediation: 'Fix the Dockerfiles: pin the base image, use multi-stage builds with `npm ci`, run `npx prisma generate` during the build, add a .dockerignore, and build every image in CI on each pull request.',
});
