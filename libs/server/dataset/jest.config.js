const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/dataset', 'server-dataset');
