import { repoTable } from '../../test/helpers/repo-table.js';
import dockerImages from './docker-images.js';

const IGNORE = 'node_modules\n.env*\n';
const SOUND = [
  'FROM node:20.18.1-alpine AS build',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci',
  'FROM node:20.18.1-alpine@sha256:24fb6aa7020d9a20b00d6da6d1714187c45ed00d1eb4adb01395843c338b9372',
  'ENV NODE_ENV=production',
  'COPY --from=build /app /app',
  'USER node',
  'CMD ["node", "server.js"]',
].join('\n');

// Stand-ins for `docker build` (no Docker engine here): real processes that succeed, fail or hang like one.
const BUILD_OK = 'echo "#8 exporting to image"; echo "#8 naming to docker.io/library/api:latest done"; exit 0\n';
const BUILD_FAILS = 'echo "#7 [build 4/4] RUN npm ci"; echo "#7 ERROR: process \\"/bin/sh -c npm ci\\" did not complete successfully: exit code: 1" >&2; exit 1\n';
const slow = { timeoutMs: 60_000 };

repoTable(dockerImages, [
  {
    name: 'a sound Dockerfile and a build command that exits 0',
    files: { Dockerfile: SOUND, '.dockerignore': IGNORE, 'build.sh': BUILD_OK },
    repo: { commands: { dockerBuild: 'sh build.sh' } },
    ...slow,
    status: 'pass',
    message: 'every Dockerfile passes the static checks and `sh build.sh` exited 0',
    evidence: { 'docker build': { verdict: 'pass', message: '`sh build.sh` exited 0', exitCode: 0 }, repository: { verdict: 'pass', message: 'Dockerfile passes every static check; `sh build.sh` built it (exit 0)' } },
  },
  {
    name: 'a build command that exits 1: fail with the end of its output',
    files: { Dockerfile: SOUND, '.dockerignore': IGNORE, 'build.sh': BUILD_FAILS },
    repo: { commands: { dockerBuild: 'sh build.sh' } },
    ...slow,
    status: 'fail',
    message: /^docker build: `sh build\.sh` exited 1: #7 \[build 4\/4\] RUN npm ci \/ #7 ERROR: process .*exit code: 1 \(also repository: manual\)$/,
  },
  {
    name: 'a build that succeeds does not hide a static failure',
    files: { Dockerfile: SOUND.replace('USER node', 'USER root'), '.dockerignore': IGNORE, 'build.sh': BUILD_OK },
    repo: { commands: { dockerBuild: 'sh build.sh' } },
    ...slow,
    status: 'fail',
    message: /^repository: Dockerfile: USER: .*runs as root/,
  },
  {
    name: 'a failing build that prints a secret: the message keeps the end of the output, never the value',
    files: { Dockerfile: SOUND, '.dockerignore': IGNORE, 'build.sh': 'echo "using NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"; echo "ERROR: failed to solve"; exit 17\n' },
    repo: { commands: { dockerBuild: 'sh build.sh' } },
    ...slow,
    status: 'fail',
    message: /^(?!.*a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8)docker build: `sh build\.sh` exited 17: .*ERROR: failed to solve/,
  },
  { name: 'a build past its time limit is ended: error', files: { Dockerfile: SOUND, '.dockerignore': IGNORE, 'build.sh': 'sleep 30 & sleep 30\n' }, repo: { commands: { dockerBuild: 'sh build.sh' }, timeout: 1000 }, ...slow, status: 'error', message: /docker build: `sh build\.sh` did not finish within 1000 ms/ },
  { name: 'a build command with no Dockerfile (the platform builder) stays manual', files: { 'package.json': '{}' }, repo: { commands: { dockerBuild: 'true' } }, ...slow, status: 'manual', message: /no Dockerfile: the platform builds the image itself/ },
  { name: 'a sound multi-stage Dockerfile', files: { Dockerfile: SOUND, '.dockerignore': IGNORE }, status: 'manual', message: 'repository: Dockerfile passes every static check; the image was not built here (no Docker engine is used): attest a build log' },
  {
    name: 'single stage with npm ci --omit=dev',
    files: { Dockerfile: 'FROM node:20-alpine\nENV NODE_ENV=production\nRUN npm ci --omit=dev\nUSER node\n', '.dockerignore': '**/node_modules/\n.env\n' },
    status: 'manual',
    message: /passes every static check/,
  },
  { name: 'FROM node:latest', files: { Dockerfile: SOUND.replace('node:20.18.1-alpine AS build', 'node:latest AS build'), '.dockerignore': IGNORE }, status: 'fail', message: /base image node \(line 1\): is :latest/ },
  { name: 'FROM without a tag', files: { Dockerfile: 'FROM node\nENV NODE_ENV=production\nRUN npm ci --omit=dev\nUSER node\n', '.dockerignore': IGNORE }, status: 'fail', message: /has no tag \(means latest\)/ },
  { name: 'no USER', files: { Dockerfile: SOUND.replace('USER node', ''), '.dockerignore': IGNORE }, status: 'fail', message: /USER: the final stage sets no USER: the app runs as root/ },
  { name: 'USER root', files: { Dockerfile: SOUND.replace('USER node', 'USER root'), '.dockerignore': IGNORE }, status: 'fail', message: /runs as root/ },
  { name: 'USER only in the build stage', files: { Dockerfile: SOUND.replace('RUN npm ci', 'RUN npm ci\nUSER node').replace(/\nUSER node\nCMD/, '\nCMD'), '.dockerignore': IGNORE }, status: 'fail', message: /sets no USER/ },
  { name: 'NODE_ENV=development', files: { Dockerfile: SOUND.replace('NODE_ENV=production', 'NODE_ENV=development'), '.dockerignore': IGNORE }, status: 'fail', message: /sets NODE_ENV=development/ },
  { name: 'no NODE_ENV', files: { Dockerfile: SOUND.replace('ENV NODE_ENV=production', ''), '.dockerignore': IGNORE }, status: 'warn', message: /NODE_ENV: the final stage does not set NODE_ENV=production/ },
  {
    name: 'a secret in ENV is named by line, never quoted',
    files: { Dockerfile: SOUND.replace('ENV NODE_ENV=production', 'ENV NODE_ENV=production JWT_SECRET=Zq8vR2mX7pL4tK9wB3nY6hC1fD5sGa0e'), '.dockerignore': IGNORE },
    status: 'fail',
    message: /^repository: Dockerfile: secrets: line 6: ENV JWT_SECRET \(a 32-character value\) holds a secret baked into every image layer$/,
  },
  { name: 'a token in ARG', files: { Dockerfile: `ARG NPM_TOKEN=npm_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}\n${SOUND}`, '.dockerignore': IGNORE }, status: 'fail', message: /line 1: ARG NPM_TOKEN/ },
  { name: 'a plain ARG is no secret', files: { Dockerfile: `ARG NODE_VERSION=20\n${SOUND}`, '.dockerignore': IGNORE }, status: 'manual', message: /passes every static check/ },
  { name: 'an image from a build argument', files: { Dockerfile: 'ARG BASE=node:20\nFROM ${BASE}\nENV NODE_ENV=production\nRUN npm ci --omit=dev\nUSER node\n', '.dockerignore': IGNORE }, status: 'warn', message: /comes from a build argument/ },
  { name: 'single stage with dev dependencies', files: { Dockerfile: 'FROM node:20\nENV NODE_ENV=production\nRUN npm install\nUSER node\n', '.dockerignore': IGNORE }, status: 'warn', message: /dev dependencies and build tools ship in the image/ },
  { name: 'no .dockerignore', files: { Dockerfile: SOUND }, status: 'fail', message: /\.dockerignore: missing/ },
  { name: '.dockerignore without .env', files: { Dockerfile: SOUND, '.dockerignore': 'node_modules\n# .env\n' }, status: 'fail', message: /does not exclude \.env\*/ },
  { name: 'an unknown instruction', files: { Dockerfile: 'FROM node:20\nRUNN npm ci\n', '.dockerignore': IGNORE }, status: 'fail', message: /does not parse as a Dockerfile \(line 2: unknown instruction RUNN\)/ },
  { name: 'no FROM', files: { Dockerfile: 'RUN echo hi\n', '.dockerignore': IGNORE }, status: 'fail', message: /no FROM instruction/ },
  {
    name: 'the Dockerfile railway.json names',
    files: { 'railway.json': JSON.stringify({ build: { builder: 'DOCKERFILE', dockerfilePath: 'docker/api.Dockerfile' } }), 'docker/api.Dockerfile': 'FROM node:latest\n', Dockerfile: SOUND, '.dockerignore': IGNORE },
    status: 'fail',
    message: /docker\/api\.Dockerfile: .*is :latest/,
  },
  { name: 'no Dockerfile (the platform builder)', files: { 'package.json': '{}' }, status: 'manual', message: /no Dockerfile: the platform builds the image itself/ },
  { name: 'a Dockerfile symlinked out of the repository', symlinks: { Dockerfile: '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
