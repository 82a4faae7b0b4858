import { ruleTests } from '../helpers/ruleTester';
import rule from '../../server/src/rules/LW1003-context-copied-before-install';

const N = 'FROM node:20-slim\nWORKDIR /app\n';

ruleTests(rule, {
  valid: [
    { name: 'manifests first', code: `${N}COPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n` },
    { name: 'no install after the copy', code: `${N}COPY . .\nRUN npm run build\n` },
    { name: 'install of named packages', code: `FROM python:3.12\nCOPY . /src\nRUN pip install --no-cache-dir flask gunicorn\n` },
    { name: 'pip install . needs the sources', code: `FROM python:3.12\nCOPY . /src\nRUN pip install --no-cache-dir /src && pip install --no-cache-dir .\n` },
    { name: 'build that downloads as a side effect', code: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app ./cmd/app\n' },
    { name: 'poetry: deps first, project later', code: 'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n' },
    { name: 'install done in the base stage', code: `${N.trimEnd().replace('slim', 'slim AS deps')}\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM deps\nCOPY . .\nRUN npm ci --omit=dev\n` },
    { name: 'COPY --from is not the context', code: `${N}COPY --from=build . .\nRUN npm ci\n` },
    { name: 'install in a later stage', code: `${N.trimEnd()} AS a\nCOPY . .\nFROM node:20-slim\nRUN npm ci\n` },
    { name: 'copy of a subdirectory', code: `${N}COPY src/ ./src/\nRUN npm ci\n` },
    { name: 'install before the copy', code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n' },
    { name: 'variable source', code: `${N}ARG SRC=.\nCOPY $SRC .\nRUN npm ci\n` },
  ],
  invalid: [
    {
      name: 'npm ci after COPY . .',
      code: `${N}COPY . .\nRUN npm ci\n`,
      errors: [{ range: '3:6-3:7', message: "The whole build context is copied before 'npm ci' (line 4) installs dependencies, so any source change re-runs the install; copy package.json, package-lock.json first, install, then copy the rest" }],
      output: `${N}COPY package*.json ./\nRUN npm ci\nCOPY . .\n`,
    },
    {
      name: 'npm fix keeps flags, destination, continuation lines, comments and CRLF',
      code: 'FROM node:20-slim\r\n  COPY --chown=node:node . /app/\r\n# deps\r\nRUN --mount=type=cache,target=/root/.npm \\\r\n    npm ci --omit=dev\r\nCMD ["node", "s.js"]',
      errors: ['2:26-2:27'],
      output: 'FROM node:20-slim\r\n  COPY --chown=node:node package*.json /app/\r\n  RUN --mount=type=cache,target=/root/.npm \\\r\n    npm ci --omit=dev\r\n  COPY --chown=node:node . /app/\r\n# deps\r\nCMD ["node", "s.js"]',
    },
    { name: 'npm fix when the RUN is the last line without a line break', code: `${N}COPY . .\nRUN npm install`, errors: ['3:6-3:7'], output: `${N}COPY package*.json ./\nRUN npm install\nCOPY . .` },
    { name: 'npm fix with an exec-form RUN', code: `${N}COPY . ./\nRUN ["npm", "ci"]\nRUN npm run build\n`, errors: ['3:6-3:7'], output: `${N}COPY package*.json ./\nRUN ["npm", "ci"]\nCOPY . ./\nRUN npm run build\n` },
    { name: 'no fix when the RUN does more than install', code: `${N}COPY . .\nRUN npm ci && npm run build\n`, errors: ['3:6-3:7'], output: null },
    { name: 'no fix when another instruction sits between', code: `${N}COPY . .\nENV CI=1\nRUN npm ci\n`, errors: ['3:6-3:7'], output: null },
    { name: 'no fix for a destination without trailing slash', code: `${N}COPY . /app\nRUN npm ci\n`, errors: ['3:6-3:7'], output: null },
    { name: 'no fix for other tools', code: 'FROM python:3.12\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n', errors: ['2:6-2:7'], output: null },
    { name: 'pip -r, ./ source, later RUN', code: 'FROM python:3.12\nWORKDIR /app\nCOPY ./ /app/\nENV X=1\nRUN pip install --no-cache-dir -r requirements/prod.txt\n', errors: [{ range: '3:6-3:8', message: /'pip install' \(line 5\).*copy requirements\/prod\.txt first/ }], output: null },
    { name: 'go mod download', code: 'FROM golang:1.22\nCOPY . .\nRUN go mod download && go build ./...\n', errors: [{ range: '2:6-2:7', message: /'go mod download'.*go\.mod, go\.sum/ }], output: null },
    { name: 'ADD with several sources, lower case', code: 'FROM ruby:3.3\nadd Gemfile . /app/\nRUN bundle install\n', errors: ['2:13-2:14'], output: null },
    { name: 'exec-form COPY and RUN', code: `${N}COPY [".", "."]\nRUN ["yarn", "install", "--frozen-lockfile"]\n`, errors: ['3:7-3:10'], output: null },
    { name: 'heredoc RUN', code: `${N}COPY . .\nRUN <<EOF\nset -e\npnpm install --frozen-lockfile\nEOF\n`, errors: [{ range: '3:6-3:7', message: /'pnpm install' \(line 4\)/ }], output: null },
    { name: 'manifest copied first does not help when the context comes before the install', code: `${N}COPY package.json ./\nCOPY . .\nRUN npm install\n`, errors: ['4:6-4:7'], output: `${N}COPY package.json ./\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n` },
    { name: 'one finding per stage', code: 'FROM golang:1.22 AS a\nCOPY . .\nRUN go mod download\nFROM rust:1.80\nCOPY . .\nRUN cargo fetch\n', errors: ['2:6-2:7', '5:6-5:7'], output: null },
  ],
});
