const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/queue', 'server-queue');
