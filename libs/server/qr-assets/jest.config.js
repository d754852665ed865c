const { jestProject } = require('../../../jest.preset');
module.exports = jestProject('libs/server/qr-assets', 'server-qr-assets');
