import { Module } from '@nestjs/common';
import { PublicConfigController } from './public-config.controller';

/** HTTP concerns shared by the whole API: the public config route (setup lives in configureHttpApp). */
@Module({ controllers: [PublicConfigController] })
export class HttpModule {}
