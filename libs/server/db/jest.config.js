const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/db', 'server-db');
