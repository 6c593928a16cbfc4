import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Access,
  ConnectionArgs,
  connectionType,
  createOnce,
  EquipmentModel,
  findPage,
  HiddenFromCustomers,
  loadReference,
  notFound,
  requireRecord,
  Site,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { StockBalance } from '../entities/stock-balance.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { compatibleModelsByPart, stockBalancesByPart } from '../loaders/spare-parts.loaders.js';
import {
  createPart,
  createSupplier,
  createWarehouse,
  listParts,
  qualifySupplier,
  updatePart,
} from '../services/catalogue.service.js';
import {
  CreatePartInput,
  CreateSupplierInput,
  CreateWarehouseInput,
  PartFilter,
  PartPayload,
  QualifySupplierInput,
  SupplierPayload,
  UpdatePartInput,
  WarehousePayload,
} from './catalogue.input.js';
import { StockSummary, summarize } from './stock.types.js';

export const PartConnection = connectionType('Part', Part);
export const WarehouseConnection = connectionType('Warehouse', Warehouse);
export const SupplierConnection = connectionType('Supplier', Supplier);

const CATALOGUE_EDITORS = [StaffRole.PARTS_CLERK, StaffRole.PROCUREMENT];

@Resolver(() => Part)
export class PartResolver {
  @Access({ roles: 'any' })
  @Query(() => Part, { nullable: true, description: 'A part by its global ID.' })
  part(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Part, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => Part, { nullable: true, description: 'A part by its part number.' })
  async partByNumber(
    @Ctx() scope: RequestScope,
    @Arg('partNumber', () => String) partNumber: string,
  ) {
    const part = await scope.em.findOne(Part, { partNumber });
    if (!part) throw notFound('Part', 'partNumber', partNumber);
    return part;
  }

  @Access({ roles: 'any' })
  @Query(() => PartConnection, { description: 'Parts of the catalogue, by part number.' })
  parts(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PartFilter, { nullable: true }) filter?: PartFilter,
  ) {
    return listParts(scope, filter, page);
  }

  @Access({ roles: CATALOGUE_EDITORS })
  @Mutation(() => PartPayload, { description: 'Adds a part to the catalogue.' })
  async createPart(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreatePartInput) input: CreatePartInput,
  ): Promise<PartPayload> {
    return {
      part: await createOnce(scope, 'createPart', Part, input, () => createPart(scope, input)),
    };
  }

  @Access({ roles: CATALOGUE_EDITORS })
  @Mutation(() => PartPayload, { description: "Changes a part's catalogue data." })
  async updatePart(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdatePartInput) input: UpdatePartInput,
  ): Promise<PartPayload> {
    return { part: await updatePart(scope, input) };
  }

  @FieldResolver(() => [EquipmentModel])
  compatibleModels(@Ctx() scope: RequestScope, @Root() part: Part) {
    return scope.loader(compatibleModelsByPart).load(part.id);
  }

  @FieldResolver(() => [StockBalance], {
    nullable: true,
    description: 'Stock per warehouse that has ever held the part. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  stockLevels(@Ctx() scope: RequestScope, @Root() part: Part) {
    return scope.loader(stockBalancesByPart).load(part.id);
  }

  @FieldResolver(() => StockSummary, {
    nullable: true,
    description: 'Stock over all warehouses. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  async stock(@Ctx() scope: RequestScope, @Root() part: Part) {
    return summarize(part, await scope.loader(stockBalancesByPart).load(part.id));
  }
}

@Resolver(() => StockBalance)
export class StockLevelResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() level: StockBalance) {
    return loadReference(scope, Part, level.part);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() scope: RequestScope, @Root() level: StockBalance) {
    return loadReference(scope, Warehouse, level.warehouse);
  }
}

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Access({ roles: 'any' })
  @Query(() => WarehouseConnection, { description: 'Warehouses, by code.' })
  warehouses(@Ctx() scope: RequestScope, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return findPage(scope, Warehouse, {}, { property: 'code', direction: 'ASC' }, page);
  }

  @Access({ roles: [StaffRole.PARTS_CUSTODIAN] })
  @Mutation(() => WarehousePayload, { description: 'Adds a warehouse.' })
  async createWarehouse(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput,
  ): Promise<WarehousePayload> {
    return {
      warehouse: await createOnce(scope, 'createWarehouse', Warehouse, input, () =>
        createWarehouse(scope, input),
      ),
    };
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Ctx() scope: RequestScope, @Root() warehouse: Warehouse) {
    return loadReference(scope, Site, warehouse.site);
  }
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @Access({ roles: 'any' })
  @Query(() => SupplierConnection, { description: 'Suppliers, by code.' })
  suppliers(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('qualified', () => Boolean, { nullable: true }) qualified?: boolean,
  ) {
    const where = qualified === undefined || qualified === null ? {} : { qualified };
    return findPage(scope, Supplier, where, { property: 'code', direction: 'ASC' }, page);
  }

  @Access({ roles: [StaffRole.PROCUREMENT] })
  @Mutation(() => SupplierPayload, { description: 'Adds a supplier, not yet qualified.' })
  async createSupplier(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateSupplierInput) input: CreateSupplierInput,
  ): Promise<SupplierPayload> {
    return {
      supplier: await createOnce(scope, 'createSupplier', Supplier, input, () =>
        createSupplier(scope, input),
      ),
    };
  }

  @Access({ roles: [StaffRole.PROCUREMENT] })
  @Mutation(() => SupplierPayload, {
    description: 'Qualifies a supplier (合格供应商) or withdraws its qualification.',
  })
  async qualifySupplier(
    @Ctx() scope: RequestScope,
    @Arg('input', () => QualifySupplierInput) input: QualifySupplierInput,
  ): Promise<SupplierPayload> {
    return { supplier: await qualifySupplier(scope, input) };
  }
}
