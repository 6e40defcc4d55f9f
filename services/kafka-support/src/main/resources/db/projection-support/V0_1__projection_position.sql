-- Where each shared projection stands in each partition it is fed from: the offset of the next record to apply.
-- Written in the same transaction as the record's effect on the projection (SharedProjection).
create table projection_position (
    projection   text   not null,
    topic        text   not null,
    partition_no int    not null,
    next_offset  bigint not null,
    primary key (projection, topic, partition_no)
);
