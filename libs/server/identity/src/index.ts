export * from './identity.module';
export * from './identity.exception';
export * from './authentication.guard';
export * from './entities/user.entity';
export * from './dto/auth.dto';
export * from './dto/email.dto';
export * from './auth.service';
export * from './identity.context';
