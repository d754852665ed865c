import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { SessionSweeper } from './session-sweeper';

/**
 * Account management for administrators (`/api/v1/admin/accounts`) and the periodic sweep of ended
 * sessions. Uses the global AuthModule's guards and clock.
 */
@Module({
  controllers: [AccountsController],
  providers: [AccountsRepository, AccountsService, SessionSweeper],
  exports: [SessionSweeper],
})
export class AccountsModule {}
