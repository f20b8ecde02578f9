export * from './identity.module';
export * from './identity.exception';
export * from './authentication.guard';
export * from './entities/user.entity';
export * from './dto/auth.dto';
export * from './dto/email';
export * from './password-hasher';
export * from './identity.context';
