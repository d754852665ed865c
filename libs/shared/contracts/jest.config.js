const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/shared/contracts', 'shared-contracts');
