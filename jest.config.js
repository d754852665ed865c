// `npm test` runs every project's tests; each project has its own jest.config.js beside its project.json.
module.exports = {
  projects: [
    '<rootDir>/libs/shared/contracts',
    '<rootDir>/libs/shared/domain',
    '<rootDir>/libs/server/config',
    '<rootDir>/libs/server/db',
    '<rootDir>/libs/server/queue',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/tools',
  ],
};
