const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/shared/domain', 'shared-domain');
