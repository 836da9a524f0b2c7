import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';
import { LINKS_ENTITIES } from './links.schema';

/** Tracking links: create, list, revoke; the bot claims them. */
@Module({
  imports: [TypeOrmModule.forFeature(LINKS_ENTITIES)],
  controllers: [LinksController],
  providers: [LinksService],
  exports: [LinksService],
})
export class LinksModule {}
