const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/nest', 'server-nest');
