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

  it('logs at info by default, at warn under NODE_ENV=test, and refuses an unknown LOG_LEVEL', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
    expect(loadConfig({ NODE_ENV: 'production' }).LOG_LEVEL).toBe('info');
    expect(loadConfig({ NODE_ENV: 'test' }).LOG_LEVEL).toBe('warn');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: ' WARN ' }).LOG_LEVEL).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('has no ops listener unless OPS_PORT is set; 0 asks for an ephemeral port', () => {
    expect(loadConfig({}).OPS_PORT).toBeUndefined();
    expect(loadConfig({ OPS_PORT: '' }).OPS_PORT).toBeUndefined();
    expect(loadConfig({ OPS_PORT: '0' }).OPS_PORT).toBe(0);
    expect(loadConfig({ OPS_PORT: '9464' }).OPS_PORT).toBe(9464);
    expect(loadConfig({}).OPS_HOST).toBe('0.0.0.0');
    expect(loadConfig({ OPS_HOST: '127.0.0.1' }).OPS_HOST).toBe('127.0.0.1');
    expect(() => loadConfig({ OPS_PORT: '65536' })).toThrow(/OPS_PORT/);
    expect(() => loadConfig({ OPS_PORT: 'metrics' })).toThrow(/OPS_PORT/);
    expect(() => loadConfig({ OPS_PORT: '-1' })).toThrow(/OPS_PORT/);
  });

  it('lets the worker wait 60 s without Redis before exiting, and never less than 5 s', () => {
    expect(loadConfig({}).WORKER_REDIS_LOST_EXIT_SECONDS).toBe(60);
    expect(loadConfig({ WORKER_REDIS_LOST_EXIT_SECONDS: '5' }).WORKER_REDIS_LOST_EXIT_SECONDS).toBe(5);
    expect(() => loadConfig({ WORKER_REDIS_LOST_EXIT_SECONDS: '4' })).toThrow(/WORKER_REDIS_LOST_EXIT_SECONDS/);
    expect(() => loadConfig({ WORKER_REDIS_LOST_EXIT_SECONDS: '1.5' })).toThrow(/WORKER_REDIS_LOST_EXIT_SECONDS/);
  });
});
