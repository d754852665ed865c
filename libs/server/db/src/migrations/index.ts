import { EnableExtensions1764201600000 } from './1764201600000-EnableExtensions';
import { CreateDomainModel1764201660000 } from './1764201660000-CreateDomainModel';
import { CreateBatchItem1764259200000 } from './1764259200000-CreateBatchItem';
import { CreateOfficialSession1764300000000 } from './1764300000000-CreateOfficialSession';
import { CreateProcedureLocalNote1764300600000 } from './1764300600000-CreateProcedureLocalNote';
import { MakeEarthIndexRestorable1764307200000 } from './1764307200000-MakeEarthIndexRestorable';

/** Every migration in order, listed explicitly so the compiled output needs no glob. */
export const MIGRATIONS = [EnableExtensions1764201600000, CreateDomainModel1764201660000, CreateBatchItem1764259200000, CreateOfficialSession1764300000000, CreateProcedureLocalNote1764300600000, MakeEarthIndexRestorable1764307200000];
