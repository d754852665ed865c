import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded engines and the documented ports', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.API_PORT).toBe(3001);
    expect(config.WEB_PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('.data');
    expect(config.LOAD_DEMO_DATA).toBe(true);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('strips a trailing slash from the public base URL', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://phoso.example.vn/' }).PUBLIC_BASE_URL).toBe('https://phoso.example.vn');
  });

  it('keeps assets under DATA_DIR unless ASSET_DIR says otherwise', () => {
    expect(loadConfig({}).ASSET_DIR).toBe('.data/assets');
    expect(loadConfig({ DATA_DIR: '/var/lib/pho-so/' }).ASSET_DIR).toBe('/var/lib/pho-so/assets');
    expect(loadConfig({ ASSET_DIR: '/srv/assets' }).ASSET_DIR).toBe('/srv/assets');
  });

  it('takes an ADMIN_TOKEN of 32 characters or more, and treats an empty one as unset', () => {
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
    expect(loadConfig({ ADMIN_TOKEN: '' }).ADMIN_TOKEN).toBeUndefined();
    expect(loadConfig({ ADMIN_TOKEN: 'x'.repeat(32) }).ADMIN_TOKEN).toBe('x'.repeat(32));
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN: must be at least 32 characters/);
  });
});
