const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/config', 'server-config');
