import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CACHE_NEVER } from '../../common/cache-control';
import { AdminOnly, CurrentOfficial, type SessionOfficial } from '../auth';
import { parseCreateAccount, parseSetPassword, parseUpdateAccount } from './accounts-body';
import { AccountsService, type AdminContext } from './accounts.service';

const contextOf = (admin: SessionOfficial, request: FastifyRequest): AdminContext => ({ admin, requestId: String(request.id) });

/**
 * Officials' accounts, for administrators only (a session, CSRF and Origin on writes, role admin: a
 * ward editor gets 403), answered `no-store`. Problems carry `detail` (English) and `detail_vi`.
 */
@ApiTags('admin')
@ApiCookieAuth()
@AdminOnly()
@Controller('v1/admin/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Every account: email, name, role, wards, disabled, last login' })
  async list() {
    return { items: await this.accounts.list() };
  }

  @Get(':id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'One account (404 for an unknown id)' })
  get(@Param('id') id: string) {
    return this.accounts.get(id);
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Create an account: 201 the account, 400 what to fix (password policy included), 409 the email exists' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['email', 'role', 'password'],
      properties: {
        email: { type: 'string' },
        displayName: { type: 'string' },
        role: { type: 'string', enum: ['admin', 'ward_editor'] },
        wards: { type: 'array', items: { type: 'string' }, description: 'GSO codes of current wards (a ward_editor needs one; an admin none)' },
        password: { type: 'string', description: 'The initial password (12 to 256 characters, not a common one)' },
      },
    },
  })
  create(@CurrentOfficial() admin: SessionOfficial, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.accounts.create(parseCreateAccount(body), contextOf(admin, request));
  }

  @Patch(':id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Change name, role, wards or disabled: 200 the account; disabling ends its sessions' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        displayName: { type: 'string' },
        role: { type: 'string', enum: ['admin', 'ward_editor'] },
        wards: { type: 'array', items: { type: 'string' } },
        disabled: { type: 'boolean' },
      },
    },
  })
  async update(@CurrentOfficial() admin: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    await this.accounts.get(id); // an unknown id is 404 before its body is looked at
    return this.accounts.update(id, parseUpdateAccount(body), contextOf(admin, request));
  }

  @Post(':id/password')
  @HttpCode(204)
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: "Set the account's password: 204; every session of the account ends" })
  @ApiBody({ schema: { type: 'object', required: ['password'], properties: { password: { type: 'string' } } } })
  async setPassword(@CurrentOfficial() admin: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest): Promise<void> {
    await this.accounts.get(id);
    await this.accounts.setPassword(id, parseSetPassword(body), contextOf(admin, request));
  }
}
