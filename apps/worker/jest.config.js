const { jestProject } = require('../../jest.preset');
module.exports = jestProject('apps/worker', 'worker');
