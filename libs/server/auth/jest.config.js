const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/auth', 'server-auth');
