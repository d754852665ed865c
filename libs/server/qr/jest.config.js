const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/qr', 'server-qr');
