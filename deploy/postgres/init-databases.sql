-- One database per service (each service owns its data and migrates it itself at start-up).
-- Run once by the postgres image, on an empty data volume (/docker-entrypoint-initdb.d).
CREATE DATABASE tandem_catalog;
CREATE DATABASE tandem_engagement;
CREATE DATABASE tandem_approval;
CREATE DATABASE tandem_documents;
CREATE DATABASE tandem_notifier;
CREATE DATABASE tandem_quiz;
CREATE DATABASE tandem_impact;
