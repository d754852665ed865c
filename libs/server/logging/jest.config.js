const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/logging', 'server-logging');
