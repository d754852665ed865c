const { jestProject } = require('../jest.preset');
module.exports = jestProject('tools', 'tools');
